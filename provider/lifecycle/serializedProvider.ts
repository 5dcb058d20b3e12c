import type * as pulumi from "@pulumi/pulumi";

/**
 * The provider object Pulumi serializes into every resource's `__provider`. It carries no
 * implementation: each method forwards to the lifecycle of the installed package
 * (`pulumi-bucket-encryption`, resolved from the program's directory). So the text stored per
 * resource stays small and stable, and an upgraded package takes effect even for resources whose
 * state still holds old text (Pulumi keeps that text until a resource changes).
 *
 * Arrow functions with no captured variables serialize smallest; a shared helper would be
 * serialized with a wrapper of its own. The text is stored once per resource, so bytes count.
 */
export const bucketEncryptionProvider: pulumi.dynamic.ResourceProvider = {
  configure: (r) => require("pulumi-bucket-encryption").lifecycle.configure(r),
  check: (o, n) => require("pulumi-bucket-encryption").lifecycle.check(o, n),
  diff: (i, o, n) => require("pulumi-bucket-encryption").lifecycle.diff(i, o, n),
  create: (n) => require("pulumi-bucket-encryption").lifecycle.create(n),
  read: (i, p) => require("pulumi-bucket-encryption").lifecycle.read(i, p),
  update: (i, o, n) => require("pulumi-bucket-encryption").lifecycle.update(i, o, n),
  delete: (i, p) => require("pulumi-bucket-encryption").lifecycle.delete(i, p),
};
