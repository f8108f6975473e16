export { writeFileSafe as writeFileAtomic } from '../io/index.js';
