import { describeFaultSuite } from "../support/faultSuite";
import { minioTarget } from "../support/targets";
import { installTools } from "../support/tools";

// The fault suite on MinIO (JD Cloud dialect) behind the fault proxy; MinIO is built from the Go
// module proxy, so this runs in the tools tier. The emulator half is test/integration/faults.test.ts.
describeFaultSuite("jdcloud on MinIO behind the fault proxy", async () => {
  const t = await minioTarget(installTools("minio").minio);
  return { ...t, inject: (...f) => t.proxy.faults.enqueue(...f), clearFaults: () => t.proxy.faults.clear() };
});
