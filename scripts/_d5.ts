import { readFileSync } from 'node:fs';
import { visibleText } from './annotate';
const t = visibleText(readFileSync(process.argv[2]!, 'utf8'));
for (const at of process.argv.slice(3).map(Number)) console.log(JSON.stringify(t.slice(at - 120, at + 60)));
