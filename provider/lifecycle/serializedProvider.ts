import type * as pulumi from "@pulumi/pulumi";
import type { BucketEncryptionLifecycle } from "./BucketEncryptionLifecycle";

/** Where the serialized provider finds the lifecycle at run time: the installed package. */
export const PACKAGE_NAME = "pulumi-bucket-encryption";

interface Holder {
  lifecycle?: BucketEncryptionLifecycle;
}

/**
 * The provider object Pulumi serializes into every resource's `__provider`. It carries no
 * implementation: each method loads the lifecycle from the installed package on first use, so the
 * text in state stays small and stable, and an upgraded package takes effect for resources whose
 * state still holds old text (Pulumi keeps that text until the resource changes).
 */
export const bucketEncryptionProvider: pulumi.dynamic.ResourceProvider & Holder = {
  async configure(req) {
    return lifecycleOf(this).configure(req.config);
  },
  async check(olds, news) {
    return lifecycleOf(this).check(olds, news);
  },
  async diff(id, olds, news) {
    return lifecycleOf(this).diff(id, olds, news);
  },
  async create(inputs) {
    return lifecycleOf(this).create(inputs);
  },
  async read(id, props) {
    return lifecycleOf(this).read(id, props ?? {});
  },
  async update(id, olds, news) {
    return lifecycleOf(this).update(id, olds, news);
  },
  async delete(id, props) {
    return lifecycleOf(this).delete(id, props);
  },
};

function lifecycleOf(holder: Holder): BucketEncryptionLifecycle {
  // Resolved from the program's directory, where the package is installed.
  return (holder.lifecycle ??= require("pulumi-bucket-encryption").createLifecycle());
}
