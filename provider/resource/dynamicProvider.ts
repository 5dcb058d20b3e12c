import type * as pulumi from "@pulumi/pulumi";
import type * as entry from "./processLifecycle";

// This module's exports object *is* the dynamic provider. When the package is installed under
// node_modules, Pulumi's closure serializer recognises a module's exports and stores a one-line
// `require("pulumi-bucket-encryption/dynamic-provider")` in each resource's `__provider` instead
// of serialized code: the text in state stays tiny and stable, and an upgraded package takes
// effect even for resources whose state still holds old text (Pulumi keeps that text until a
// resource changes). When the package is loaded from outside node_modules (a linked checkout),
// the serializer copies these functions by value; they capture nothing, so they still only
// forward to the installed lifecycle. They require the internal entry point that holds the
// process's lifecycle, never the public index, so the public API and the provider never form
// a circle.

type Props = Record<string, unknown>;

/** Forwards `configure` to the process's lifecycle. */
export const configure = (r: pulumi.dynamic.ConfigureRequest): Promise<void> => (require("pulumi-bucket-encryption/lifecycle") as typeof entry).lifecycle.configure(r);
/** Forwards `check` to the process's lifecycle. */
export const check = (o: Props, n: Props): Promise<pulumi.dynamic.CheckResult> => (require("pulumi-bucket-encryption/lifecycle") as typeof entry).lifecycle.check(o, n);
/** Forwards `diff` to the process's lifecycle. */
export const diff = (i: string, o: Props, n: Props): Promise<pulumi.dynamic.DiffResult> => (require("pulumi-bucket-encryption/lifecycle") as typeof entry).lifecycle.diff(i, o, n);
/** Forwards `create` to the process's lifecycle. */
export const create = (n: Props): Promise<pulumi.dynamic.CreateResult> => (require("pulumi-bucket-encryption/lifecycle") as typeof entry).lifecycle.create(n);
/** Forwards `read` to the process's lifecycle. */
export const read = (i: string, p: Props): Promise<pulumi.dynamic.ReadResult> => (require("pulumi-bucket-encryption/lifecycle") as typeof entry).lifecycle.read(i, p);
/** Forwards `update` to the process's lifecycle. */
export const update = (i: string, o: Props, n: Props): Promise<pulumi.dynamic.UpdateResult> => (require("pulumi-bucket-encryption/lifecycle") as typeof entry).lifecycle.update(i, o, n);
const remove = (i: string, p: Props): Promise<void> => (require("pulumi-bucket-encryption/lifecycle") as typeof entry).lifecycle.delete(i, p);
/** Forwards `delete` to the process's lifecycle (a reserved word, so exported by name). */
export { remove as delete };
