import { driftSuite } from "../support/driftSuite";
import { minioTarget } from "../support/targets";
import { installTools } from "../support/tools";

// The drift cases on the JD Cloud dialect, against MinIO (built with Go, hence the e2e tier).
driftSuite("jdcloud on MinIO", () => minioTarget(installTools("minio").minio), [
  { name: "AES256 (JD Cloud accepts only KMS)", rule: { SSEAlgorithm: "AES256" }, recorded: { sseAlgorithm: "AES256" } },
]);
