// Action entry point: only calls run(). Everything else is in main.ts and below.
import { run } from './main.js';

void run();
