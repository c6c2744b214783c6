/**
 * The part of Excel's custom functions runtime Tierwise uses, with the
 * requirement set of each member as @types/custom-functions-runtime and
 * learn.microsoft.com/javascript/api/requirement-sets/excel/custom-functions-requirement-sets
 * give it (test/addin/api-sets.spec.ts compares them with the manifest). The
 * project does not install @types/custom-functions-runtime; should it one
 * day, delete this file.
 */
declare namespace CustomFunctions {
  /** [Api set: CustomFunctionsRuntime 1.2] */
  enum ErrorCode {
    invalidValue = '#VALUE!',
    notAvailable = '#N/A',
  }
  /** [Api set: CustomFunctionsRuntime 1.2] */
  class Error {
    constructor(errorCode: ErrorCode, errorMessage?: string);
    code: ErrorCode;
    message?: string;
  }
  /** [Api set: CustomFunctionsRuntime 1.1] */
  interface Invocation {
    /** [Api set: CustomFunctionsRuntime 1.1] */
    address?: string;
    /** With @requiresParameterAddresses: the address of each range argument. [Api set: CustomFunctionsRuntime 1.3] */
    parameterAddresses?: string[];
  }
  /** [Api set: CustomFunctionsRuntime 1.1] */
  function associate(id: string, functionObject: (...args: never[]) => unknown): void;
}
