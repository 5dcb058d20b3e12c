import { BucketEncryptionLifecycle } from "../lifecycle/BucketEncryptionLifecycle";
import { DynamicProviderAdapter } from "./dynamicAdapter";

/**
 * The lifecycle the serialized provider forwards to (`pulumi-bucket-encryption/lifecycle`, an
 * internal entry point), in the dynamic provider's shapes. One per process on purpose: the
 * dynamic provider process serves every BucketEncryption resource, and they share its
 * configuration and keep-alive connections. Creating it does no I/O.
 */
export const lifecycle: DynamicProviderAdapter = new DynamicProviderAdapter(new BucketEncryptionLifecycle());
