#pragma once

namespace concviz {

// Hands memory the program has freed back to the system where the C library keeps it for reuse:
// after a million-task result is replaced, the window's resident size falls back near where it
// was, instead of staying a gigabyte larger until the program ends.
void returnFreedMemory();

} // namespace concviz
