#include "freedmemory.h"

#include <cstdlib> // defines __GLIBC__ where the C library is glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace concviz {

void returnFreedMemory()
{
#if defined(__GLIBC__)
    // glibc returns only the top of its heap by itself; a result of many small blocks freed in
    // any order stays resident without this.
    malloc_trim(0);
#endif
}

void keepFreedMemoryReturnable()
{
#if defined(__GLIBC__)
    // One heap for every thread: malloc_trim() trims the main heap whole, but never the top of a
    // thread's own, which glibc lets grow to 64 MiB. Measured with a million tasks, sharing one heap
    // neither slows the result nor holds the window longer, and gives 50 MiB more back.
    mallopt(M_ARENA_MAX, 1);
#endif
}

} // namespace concviz
