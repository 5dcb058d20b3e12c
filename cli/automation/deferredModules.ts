import Module from "node:module";

/**
 * Runs `load` (a synchronous `require`) while each module file in `files` is a stand-in: a module
 * whose exports load the real file the first time anything is read from them. Modules that `load`
 * pulls in and that only use such a dependency inside functions then never pay for it unless
 * those functions run. The stand-ins leave the module cache when `load` returns, so a later
 * `require` of those files anywhere gets the real module; files already loaded are left alone.
 *
 * A stand-in answers `__esModule` with true without loading: TypeScript's `import * as` helper
 * copies every key of a CommonJS module (which would load it) unless the module says it is an
 * ES module, in which case it keeps the object itself, reads through which stay lazy.
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
      if (require.cache[file]?.exports === exports) delete require.cache[file];
      real = require(file) as Record<PropertyKey, unknown>;
    }
    return real;
  };
  const exports: object = new Proxy(
    {},
    {
      get: (_, key) => (key === "__esModule" ? true : target()[key]),
      has: (_, key) => key in target(),
      ownKeys: () => Reflect.ownKeys(target()),
      getOwnPropertyDescriptor: (_, key) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(target(), key);
        // A proxy may only report a property as its target has it: report them as configurable.
        return descriptor === undefined ? undefined : { ...descriptor, configurable: true };
      },
    },
  );
  const standIn = new Module(file);
  standIn.filename = file;
  standIn.loaded = true;
  standIn.exports = exports;
  return standIn;
}
