export async function main(args: string[]): Promise<number> {
  process.stdout.write(`args ${args.join(' ')}\n`);
  return 0;
}
