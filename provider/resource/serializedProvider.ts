import type * as pulumi from "@pulumi/pulumi";
import * as dynamicProvider from "./dynamicProvider";

/**
 * The provider object Pulumi serializes into every resource's `__provider`: the exports of
 * `./dynamicProvider`, which carry no implementation (see there why).
 */
export const bucketEncryptionProvider: pulumi.dynamic.ResourceProvider = dynamicProvider;
