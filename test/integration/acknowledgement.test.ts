import { acknowledgementSuite } from "../support/acknowledgementSuite";
import { emulatorTarget } from "../support/targets";

// The acknowledgement cases on the Aliyun dialect, against the emulator (no Go tools needed); the
// JD Cloud dialect's run against MinIO is in test/e2e/acknowledgement.minio.e2e.test.ts.
acknowledgementSuite("aliyun on the emulator", async () => {
  const t = await emulatorTarget("aliyun", { accessKeyId: "LTAI-ack-id", secretAccessKey: "ack-secret" });
  return { ...t, inject: (...f) => t.emulator.faults.enqueue(...f) };
});
