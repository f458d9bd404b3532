#include "demolistener.h"

namespace concviz {

void DemoListener::incomingConnection(qintptr descriptor)
{
    Q_EMIT accepted(descriptor);
}

} // namespace concviz
