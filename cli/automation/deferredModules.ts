import Module from "node:module";

/**
 * Runs `load` (a synchronous `require`) while each module file in `files` is a stand-in: a module
 * whose exports load the real file the first time anything is read from or written to them.
 * Modules that `load` pulls in and that only use such a dependency inside functions then never
 * pay for it unless those functions run. The stand-ins leave the module cache when `load`
 * returns, so a later `require` of those files anywhere gets the real module; files already
 * loaded are left alone.
 *
 * A stand-in is an object: a module must be used through its properties (`ts.createSourceFile`,
 * `arborist.Arborist`), never called or constructed itself. It answers `__esModule` with true
 * without loading, because TypeScript's `import * as` helper copies every key of a CommonJS
 * module (which would load it) unless the module says it is an ES module, in which case the
 * helper keeps the stand-in itself.
 */
export function withDeferredModules<T>(files: readonly string[], load: () => T): T {
  const standIns = new Map<string, NodeJS.Module>();
  for (const file of files) {
    if (require.cache[file] !== undefined) continue;
    const standIn = lazyModule(file);
    require.cache[file] = standIn;
    standIns.set(file, standIn);
  }
  try {
    return load();
  } finally {
    for (const [file, standIn] of standIns) {
      if (require.cache[file] === standIn) delete require.cache[file];
    }
  }
}

function lazyModule(file: string): NodeJS.Module {
  let real: Record<PropertyKey, unknown> | undefined;
  const target = (): Record<PropertyKey, unknown> => {
    if (real === undefined) {
      // Only this stand-in may leave the cache: another module may be there by now.
      if (require.cache[file]?.exports === standInExports) delete require.cache[file];
      real = require(file) as Record<PropertyKey, unknown>;
    }
    return real;
  };
  const standInExports: object = new Proxy(
    {},
    {
      get: (_, key) => (key === "__esModule" ? true : target()[key]),
      has: (_, key) => key === "__esModule" || key in target(),
      set: (_, key, value) => Reflect.set(target(), key, value),
      deleteProperty: (_, key) => Reflect.deleteProperty(target(), key),
      ownKeys: () => Reflect.ownKeys(target()),
      getOwnPropertyDescriptor: (_, key) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(target(), key);
        // A proxy may report a property as non-configurable only if its own (empty) target has
        // it so; the real module's properties are reported as configurable.
        return descriptor === undefined ? undefined : { ...descriptor, configurable: true };
      },
    },
  );
  const standIn = new Module(file);
  standIn.filename = file;
  standIn.loaded = true;
  standIn.exports = standInExports;
  return standIn;
}
