/** io/: writing files safely, below every stage that writes (the command line, the start cache). */
export { writeFileAtomic } from './atomic-write.js';
