#include "http/connectionhost.h"

#include "http/httpconnection.h"

#include <QTcpSocket>

#include <unistd.h>

namespace mort {

void ConnectionHost::adopt(qintptr descriptor, bool internalListener)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        ::close(int(descriptor));
        delete socket;
        return;
    }
    new HttpConnection(socket, m_core, internalListener); // child of the socket, its only reader
}

void ConnectionHost::closeAllConnections()
{
    const auto sockets = findChildren<QTcpSocket *>(QString(), Qt::FindDirectChildrenOnly);
    for (QTcpSocket *socket : sockets) {
        // abort() drops what is still in Qt's write buffer: an answer the
        // drain saw finish goes to the kernel first, so it is not cut off.
        if (socket->state() == QAbstractSocket::ConnectedState)
            socket->flush();
        socket->abort();
    }
}

void ConnectionHost::endStreams()
{
    const auto sockets = findChildren<QTcpSocket *>(QString(), Qt::FindDirectChildrenOnly);
    for (QTcpSocket *socket : sockets) {
        if (auto *connection = socket->findChild<HttpConnection *>(QString(), Qt::FindDirectChildrenOnly))
            connection->endStream();
    }
}

} // namespace mort
