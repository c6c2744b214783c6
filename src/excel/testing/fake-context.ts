/**
 * The fake's request context: operations queue until sync(), which enforces Excel's payload limits and
 * counts every round trip.
 */
import type { ExcelContext } from '../excel-api';
import { REQUEST_LIMIT, FakeExcelError, type SyncRecord } from './fake-model';
import type { FakeExcel } from './fake-excel';
import { FakeWorkbook } from './fake-workbook';

interface Operation {
  requestBytes: number;
  run: () => number | void;
}

export class FakeContext implements ExcelContext {
  private queue: Operation[] = [];
  readonly workbook: FakeWorkbook;
  readonly application = {
    suspendApiCalculationUntilNextSync: () =>
      this.enqueue(20, () => {
        this.fake.suspendedCalculation++;
      }),
    suspendScreenUpdatingUntilNextSync: () =>
      this.enqueue(20, () => {
        this.fake.suspendedScreen++;
      }),
  };

  constructor(readonly fake: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  enqueue(requestBytes: number, run: () => number | void): void {
    this.queue.push({ requestBytes: requestBytes + 40, run });
  }

  async sync(): Promise<void> {
    const queue = this.queue;
    this.queue = [];
    const requestBytes = queue.reduce((sum, op) => sum + op.requestBytes, 0);
    const record: SyncRecord = { requestBytes, responseBytes: 0, operations: queue.length };
    this.fake.syncs.push(record);
    this.fake.beforeSync?.(this.fake.syncs.length - 1);
    if (requestBytes > REQUEST_LIMIT) {
      throw new FakeExcelError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    }
    for (const op of queue) record.responseBytes += op.run() ?? 0;
    if (record.responseBytes > REQUEST_LIMIT) {
      throw new FakeExcelError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
    }
    if (this.fake.latency > 0) await new Promise((done) => setTimeout(done, this.fake.latency));
    else await Promise.resolve();
  }
}
