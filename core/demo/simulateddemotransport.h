#pragma once

#include "../http/httptransport.h"

namespace concviz {

// HTTP on the virtual clock: no socket is opened; the demo server's routes say what it would answer
// and after how long, so http://demo/... tasks get exact, instant times. Any other URL fails: the
// virtual clock cannot know how a real server would answer.
class SimulatedDemoTransport : public HttpTransport
{
public:
    Task<HttpResult> exchange(const FetchRequest &request, HttpPhaseSink phase) override;
};

} // namespace concviz
