#!/usr/bin/env node
// A minimal Node.js language host for the Pulumi CLI: a gRPC LanguageRuntime server that runs a
// program with @pulumi/pulumi's own `cmd/run`, as the official `pulumi-language-nodejs` does.
// It exists because the Go module proxy does not serve the official language host module
// (github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3 answers 403 at every
// release commit), while it does serve the CLI (pkg/v3). Everything else is the real engine.
// It implements only what running a compiled JavaScript program needs: no plugin discovery
// (the only plugin a dynamic resource needs, pulumi-nodejs, is found on PATH), no TypeScript,
// no package-manager integration.
"use strict";
const path = require("node:path");
const { spawn } = require("node:child_process");

// Resolved from the project directory, where @pulumi/pulumi is installed.
const projectRequire = (id) => require(require.resolve(id, { paths: [process.cwd(), __dirname] }));
const grpc = projectRequire("@grpc/grpc-js");
const services = projectRequire("@pulumi/pulumi/proto/language_grpc_pb.js");
const pulumiPackage = projectRequire("@pulumi/pulumi/package.json");

// The official host's convention: exit code 32 means the program already reported its error.
const EXIT_ALREADY_REPORTED = 32;

const args = process.argv.slice(2);
const engineAddress = args.filter((a) => !a.startsWith("-")).pop() ?? "";
const service = services.LanguageRuntimeService;

function empty(method) {
  return new service[method].responseType();
}

function runProgram(call, callback) {
  const req = call.request;
  const info = req.getInfo();
  const programDir = info?.getProgramDirectory() || req.getPwd();
  const entry = info?.getEntryPoint() || req.getProgram() || ".";
  const program = path.resolve(programDir, entry);
  const runPath = require.resolve("@pulumi/pulumi/cmd/run", { paths: [req.getPwd(), programDir] });
  const argv = [runPath];
  const flag = (name, value) => {
    if (value !== undefined && value !== "") argv.push(`--${name}`, String(value));
  };
  flag("monitor", req.getMonitorAddress());
  flag("engine", engineAddress);
  flag("organization", req.getOrganization());
  flag("project", req.getProject());
  flag("stack", req.getStack());
  flag("pwd", req.getPwd());
  flag("root-directory", info?.getRootDirectory());
  if (req.getDryrun()) argv.push("--dry-run");
  flag("parallel", req.getParallel());
  argv.push(program, ...req.getArgsList());

  const config = {};
  for (const [key, value] of req.getConfigMap().entries()) config[key] = value;
  const env = {
    ...process.env,
    PULUMI_CONFIG: JSON.stringify(config),
    PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(req.getConfigsecretkeysList()),
  };
  const child = spawn(process.execPath, argv, { cwd: req.getPwd() || programDir, env, stdio: ["ignore", "inherit", "inherit"] });
  child.on("error", (error) => {
    const resp = empty("run");
    resp.setError(`could not start the program: ${error.message}`);
    callback(null, resp);
  });
  child.on("exit", (code, signal) => {
    const resp = empty("run");
    if (code === EXIT_ALREADY_REPORTED) resp.setBail(true);
    else if (code !== 0) resp.setError(`Program exited with ${signal ? `signal ${signal}` : `non-zero exit code: ${code}`}`);
    callback(null, resp);
  });
}

const handlers = {};
for (const method of Object.keys(service)) {
  const def = service[method];
  handlers[method] = def.responseStream ? (call) => call.end() : (_call, callback) => callback(null, empty(method));
}
handlers.run = runProgram;
handlers.getPluginInfo = (_call, callback) => {
  const resp = empty("getPluginInfo");
  resp.setVersion(pulumiPackage.version);
  callback(null, resp);
};

const server = new grpc.Server();
server.addService(service, handlers);
server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, port) => {
  if (error) {
    console.error(`language host: ${error.message}`);
    process.exit(1);
  }
  process.stdout.write(`${port}\n`);
});
