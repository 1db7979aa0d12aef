/** The `bytes` package (body-parser's reading of its `limit`), which ships no types: the one function used. */
declare module 'bytes' {
  const bytes: {
    /**
     * `1mb` as 1,048,576, `512kb`, `100000` (bytes); a text without one of its units (kb, mb, gb, tb, pb) is read
     * with parseInt (`1m`: 1), one without a number as NaN.
     */
    parse(value: string | number): number | null;
  };
  export default bytes;
}
