import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** The real binary, as `npm start` and operators run it. */
export const opendvcBin = path.resolve('bin/opendvc.js');

/** `opendvc serve` in its own process; resolves with its URL once it says it listens (fails with its output if not). */
export async function startServerProcess(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [opendvcBin, 'serve'], { env: { ...env, PORT: '0', LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed:\n${output}`)), 120_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/Server listening at (http:\/\/[\d.:]+)/);
      if (match) { clearTimeout(timer); resolve(match[1]!); }
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}:\n${output}`)));
  });
  return { child, url };
}
