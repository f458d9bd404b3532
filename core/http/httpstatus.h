#pragma once

#include <QByteArray>

namespace concviz {

// The standard reason phrase of an HTTP status ("Not Found"), as servers send it and people read it.
QByteArray reasonPhrase(int status);

} // namespace concviz
