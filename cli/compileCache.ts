import Module from "node:module";

// Imported first by the CLI's entry point, for its side effect: on Node 22.8 and later, the
// compiled code of the modules a command loads is kept on disk (in the OS temp directory) and
// reused by the next run, which a command run again and again in pipelines gains from at every
// start. NODE_DISABLE_COMPILE_CACHE=1 turns it off; older Node versions have no such cache.
(Module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
