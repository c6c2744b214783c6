/**
 * The part of Excel's custom functions runtime Tierwise uses. The project
 * does not install @types/custom-functions-runtime; should it one day, delete
 * this file.
 */
declare namespace CustomFunctions {
  enum ErrorCode {
    invalidValue = '#VALUE!',
    notAvailable = '#N/A',
  }
  class Error {
    constructor(errorCode: ErrorCode, errorMessage?: string);
    code: ErrorCode;
    message?: string;
  }
  interface Invocation {
    address?: string;
    /** With @requiresParameterAddresses: the address of each range argument. */
    parameterAddresses?: string[];
  }
  function associate(id: string, functionObject: (...args: never[]) => unknown): void;
}
