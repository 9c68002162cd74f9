export { main } from './main.js';
export { formatPythonFloat } from './python-float.js';
export { type CsvTable, readCsv } from './read-csv.js';
