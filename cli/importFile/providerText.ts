import type * as pulumi from "@pulumi/pulumi";
import { bucketEncryptionProvider } from "../../provider/internal";

interface SerializedFunction {
  readonly text: string;
}
interface ClosureSerializer {
  serializeFunction(fn: () => unknown, args: { allowSecrets: boolean }): Promise<SerializedFunction>;
}

/**
 * The `__provider` text a BucketEncryption stores in state, derived the way `@pulumi/pulumi`'s
 * dynamic `Resource` derives it (`dynamic/index.js`, `serializeFunctionMaybeSecret`): its closure
 * serializer applied to `() => provider`, with secrets allowed. The captured variable is named
 * `provider` as there, because the name is part of the text. Run from the installed package (as
 * `npx pulumi-bucket-encryption` does in the project), this is the one-line `require` the
 * program's resources store; from a linked checkout it is the by-value text a linked program stores.
 */
export async function serializedProviderText(): Promise<string> {
  const provider: pulumi.dynamic.ResourceProvider = bucketEncryptionProvider;
  // Loaded on demand, as the SDK does: the serializer's dependencies are slow to load.
  const closure = require("@pulumi/pulumi/runtime/closure/serializeClosure") as ClosureSerializer;
  const serialized = await closure.serializeFunction(() => provider, { allowSecrets: true });
  return serialized.text;
}
