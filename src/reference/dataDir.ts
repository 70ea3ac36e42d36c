import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The data/ folder of the package, from src/ (tsx) and from dist/ (built) alike. */
export const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "data");
