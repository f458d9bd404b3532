#include "httptransport.h"

namespace concviz {

HttpTransport::~HttpTransport() = default;

QString HttpTransport::hostKey(const QUrl &url)
{
    return url.scheme() + QLatin1Char('/') + url.host() + QLatin1Char(':') + QString::number(url.port(-1));
}

} // namespace concviz
