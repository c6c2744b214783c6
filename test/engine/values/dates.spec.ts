import {
  daysInMonth,
  FICTITIOUS_LEAP_DAY_SERIAL,
  isoDateToSerial,
  MAX_DATE_SERIAL,
  serialToIsoDate,
} from '../../../src/engine/values/dates';
import { parseDate } from '../../../src/engine/values/coerce';

describe('isoDateToSerial', () => {
  it('happy path: a modern date gives the serial Excel shows', () => {
    expect(isoDateToSerial(2024, 3, 15)).toBe(45366);
    expect(isoDateToSerial(1970, 1, 1)).toBe(25569);
    expect(isoDateToSerial(9999, 12, 31)).toBe(MAX_DATE_SERIAL);
  });

  it("given Excel's 1900 leap-year bug then 1900-02-29 is serial 60 and the days around it follow Excel", () => {
    expect(isoDateToSerial(1900, 1, 1)).toBe(1);
    expect(isoDateToSerial(1900, 2, 28)).toBe(59);
    expect(isoDateToSerial(1900, 2, 29)).toBe(FICTITIOUS_LEAP_DAY_SERIAL);
    expect(isoDateToSerial(1900, 3, 1)).toBe(61);
  });

  it('given a day that does not exist then NaN', () => {
    expect(isoDateToSerial(2023, 2, 29)).toBeNaN();
    expect(isoDateToSerial(2100, 2, 29)).toBeNaN();
    expect(isoDateToSerial(2024, 4, 31)).toBeNaN();
    expect(isoDateToSerial(2024, 0, 1)).toBeNaN();
    expect(isoDateToSerial(2024, 1, 0)).toBeNaN();
    expect(isoDateToSerial(2024, 1.5, 1)).toBeNaN();
  });

  it('given a year outside 1900..9999 then NaN', () => {
    expect(isoDateToSerial(1899, 12, 31)).toBeNaN();
    expect(isoDateToSerial(10000, 1, 1)).toBeNaN();
  });
});

describe('serialToIsoDate', () => {
  it('happy path: serials read back as ISO days, the time part dropped', () => {
    expect(serialToIsoDate(45366)).toBe('2024-03-15');
    expect(serialToIsoDate(45366.99)).toBe('2024-03-15');
    expect(serialToIsoDate(1)).toBe('1900-01-01');
    expect(serialToIsoDate(MAX_DATE_SERIAL)).toBe('9999-12-31');
  });

  it('given serials around the fictitious 1900-02-29 then they read as Excel shows them', () => {
    expect(serialToIsoDate(59)).toBe('1900-02-28');
    expect(serialToIsoDate(60)).toBe('1900-02-29');
    expect(serialToIsoDate(61)).toBe('1900-03-01');
  });

  it('given a serial outside Excel dates then empty text, no exception', () => {
    expect(serialToIsoDate(0)).toBe('');
    expect(serialToIsoDate(-1)).toBe('');
    expect(serialToIsoDate(MAX_DATE_SERIAL + 1)).toBe('');
    expect(serialToIsoDate(NaN)).toBe('');
    expect(serialToIsoDate(Infinity)).toBe('');
  });

  it('round-trips with isoDateToSerial on every day of 1900, 2000 and 2024', () => {
    for (const year of [1900, 2000, 2024]) {
      for (let month = 1; month <= 12; month++) {
        const days = year === 1900 && month === 2 ? 29 : daysInMonth(year, month);
        for (let day = 1; day <= days; day++) {
          const serial = isoDateToSerial(year, month, day);
          const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          expect(serialToIsoDate(serial)).toBe(iso);
          expect(parseDate(iso)).toBe(serial);
        }
      }
    }
  });
});

describe('daysInMonth', () => {
  it('given the Gregorian leap rules then February has 29 days in 2000 and 2024, 28 in 1900 and 2023', () => {
    expect([2000, 2024, 1900, 2023].map((y) => daysInMonth(y, 2))).toEqual([29, 29, 28, 28]);
    expect([1, 4, 6, 9, 11, 12].map((m) => daysInMonth(2024, m))).toEqual([31, 30, 30, 30, 30, 31]);
  });
});
