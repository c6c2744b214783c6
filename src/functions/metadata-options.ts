/**
 * The top-level options of functions.json, set after the metadata generator
 * (custom-functions-metadata) has written it. Microsoft's metadata reference
 * (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json):
 * - allowErrorForDataTypeAny: parameters of type any receive error cells as
 *   CustomFunctions.Error objects. Without it Excel does not call the function
 *   when an argument holds an error and shows that error for the whole spilled
 *   result (custom-functions-errors); with it, each error cell becomes its own
 *   error row (src/functions/cells.ts).
 * - allowCustomDataForDataTypeAny: parameters of type any receive data types
 *   (entities, formatted numbers) as objects. The generator always sets it;
 *   Tierwise reads plain values only, so it is turned off: a formatted number
 *   then arrives as its number, not as an object the engine cannot grade.
 */
import type { FunctionsMetadata } from './localize-metadata';

export function withTierwiseOptions(metadata: FunctionsMetadata): FunctionsMetadata {
  const { allowCustomDataForDataTypeAny: _dataTypes, ...rest } = metadata;
  return { allowErrorForDataTypeAny: true, ...rest };
}
