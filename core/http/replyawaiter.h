#pragma once

#include "../async/awaiterbase.h"

#include <QNetworkReply>
#include <QPointer>

namespace concviz {

// co_await on a QNetworkReply: resumes (through the loop) once it has finished. Cancelling the
// awaiting task aborts the reply at once, so the server sees the connection closed.
class ReplyAwaiter : public AwaiterBase
{
public:
    explicit ReplyAwaiter(QNetworkReply *reply)
        : m_reply(reply)
    {
    }
    bool await_ready() const { return m_reply->isFinished(); }
    template<typename Promise>
    bool await_suspend(std::coroutine_handle<Promise> handle)
    {
        auto wake = beginWait(handle);
        if (!wake) {
            m_reply->abort();
            return false;
        }
        QObject::connect(m_reply, &QNetworkReply::finished, m_reply, [wake] { wake->wake(); });
        wake->setCleanup([reply = QPointer<QNetworkReply>(m_reply)] {
            if (reply)
                reply->abort();
        });
        return true;
    }
    void await_resume() const { rethrowIfFailed(); }

private:
    QNetworkReply *m_reply;
};

} // namespace concviz
