#pragma once

namespace concviz {

// Hands memory the program has freed back to the system where the C library keeps it for reuse:
// after a million-task result is replaced, the window's resident size falls back near where it
// was, instead of staying a gigabyte larger until the program ends.
void returnFreedMemory();

// Has every thread take its memory from one heap that returnFreedMemory() can give back whole:
// glibc otherwise keeps up to 64 MiB at the top of each background thread's own heap (50 MiB after
// a million-task result was built on another thread). To be called first thing in main(), before
// any thread starts: glibc fixes how many heaps there may be when a second thread first allocates.
void keepFreedMemoryReturnable();

} // namespace concviz
