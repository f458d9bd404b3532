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

} // namespace concviz
