import { acknowledgementSuite } from "../support/acknowledgementSuite";
import { minioTarget } from "../support/targets";
import { installTools } from "../support/tools";

// The acknowledgement cases on the JD Cloud dialect, against MinIO behind the fault proxy (MinIO is
// built with Go, hence the e2e tier); the Aliyun dialect's run is in the integration tier.
acknowledgementSuite("jdcloud on MinIO behind the fault proxy", async () => {
  const t = await minioTarget(installTools("minio").minio);
  return { ...t, inject: (...f) => t.proxy.faults.enqueue(...f) };
});
