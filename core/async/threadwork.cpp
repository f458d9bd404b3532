#include "threadwork.h"

#include <chrono>
#include <cmath>
#include <thread>

namespace concviz {

void blockThread(Micros duration)
{
    std::this_thread::sleep_for(std::chrono::microseconds(duration));
}

void burnCpu(Micros duration)
{
    const auto end = std::chrono::steady_clock::now() + std::chrono::microseconds(duration);
    volatile double sink = 0;
    while (std::chrono::steady_clock::now() < end) {
        for (int i = 1; i < 2000; ++i)
            sink = sink + std::sqrt(static_cast<double>(i));
    }
}

} // namespace concviz
