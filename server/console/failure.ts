// How the console answers a refusal or a failure: HTTP status, code and a message that says what to
// change, in English and Chinese. Codes and statuses come from the error classes themselves.
import { CypherClientError, QueryTimeoutError } from '../../core/db/errors.js';
import { CODE, CodedError, errorAnswer, httpStatus, type ErrorCode } from '../../core/domain/errors.js';
import { ConsoleRefusal } from './guard.js';
import { ConsoleBusy } from './run.js';

export interface ConsoleFailure {
  status: number;
  code: ErrorCode;
  message: string;
  /** The same in Chinese, where the console writes its own words (Neo4j's messages stay English). */
  messageZh?: string;
  /** For 429: when to try again. */
  retryAfterSeconds?: number;
}

const ZH: Partial<Record<ErrorCode, string>> = {
  QUERY_TIMEOUT: '查询超时,已被停止:请加上 LIMIT 或缩小 MATCH 的范围。',
  RESULT_TOO_LARGE: '结果过大:请返回更少或更小的值(LIMIT、size()、切片 [..100])。',
  MEMORY_LIMIT: '查询所需内存超过单个查询的上限:请加上 LIMIT 或更早聚合。',
  TRANSACTION_TERMINATED: '查询被数据库从外部终止(不是超时):请重试。',
  SERVICE_UNAVAILABLE: '图数据库暂时无法访问:请稍后重试。',
  READ_ONLY: '控制台只读:只能读取图数据。',
  TOO_MANY_REQUESTS: '请求过多:请稍后再试。',
};

export function consoleFailure(err: unknown, timeoutMs: number): ConsoleFailure {
  if (err instanceof ConsoleBusy)
    return { status: err.status, code: err.code, message: err.message, messageZh: '数据库仍在完成之前无法提前停止的控制台查询:请几秒后再试。', retryAfterSeconds: 5 };
  if (err instanceof ConsoleRefusal) return { status: err.status, code: err.code, message: err.message, messageZh: ZH[err.code] };
  if (err instanceof QueryTimeoutError)
    return { status: err.status, code: err.code, message: `the query ran longer than ${timeoutMs} ms and was stopped; add a LIMIT or narrow the MATCH`, messageZh: ZH[err.code] };
  if (err instanceof CypherClientError) {
    const refusedWrite = /Neo\.ClientError\.Security\.Forbidden|AccessMode|write|read only/i.test(`${err.neo4jCode} ${err.message}`);
    const code = refusedWrite ? CODE.READ_ONLY : CODE.BAD_USER_INPUT;
    return { status: httpStatus(code), code, message: err.message.split('\n')[0]!.slice(0, 500), messageZh: ZH[code] };
  }
  // Every other error that names its code (the database's own failures) answers with it; the rest is ours.
  if (err instanceof CodedError) return { ...errorAnswer(err), messageZh: ZH[err.code] };
  return { ...errorAnswer(err), message: 'the query failed unexpectedly' };
}

/** The console's own answer when it gives up on a query at the deadline. */
export function deadlineFailure(timeoutMs: number): ConsoleFailure {
  return {
    status: httpStatus(CODE.QUERY_TIMEOUT),
    code: CODE.QUERY_TIMEOUT,
    message: `the query did not finish within ${timeoutMs} ms and was stopped; add a LIMIT, or return fewer and smaller values`,
    messageZh: ZH.QUERY_TIMEOUT,
  };
}

export function busyFailure(message: string): ConsoleFailure {
  return { status: httpStatus(CODE.TOO_MANY_REQUESTS), code: CODE.TOO_MANY_REQUESTS, message, messageZh: ZH.TOO_MANY_REQUESTS, retryAfterSeconds: 1 };
}
