#pragma once

#include <QList>
#include <QString>

#include <algorithm>
#include <deque>

namespace concviz {

// The definitions of one sort (strategies, task kinds) this build knows. Each file under
// core/engine/strategies/ or core/engine/kinds/ registers its own definition at start-up with a
// Registration object; the engine library is linked whole so that none is left out.
template<typename Definition>
class Registry
{
public:
    // Adds a definition; a second one with the same name is a programming error and aborts.
    static void add(const Definition &definition)
    {
        if (find(definition.name))
            qFatal("\"%s\" is registered twice", qPrintable(definition.name));
        definitions().push_back(definition);
    }
    // The definition of that name, or null.
    static const Definition *find(const QString &name)
    {
        for (const Definition &d : definitions())
            if (d.name == name)
                return &d;
        return nullptr;
    }
    // Every definition, in their `order`.
    static QList<const Definition *> all()
    {
        QList<const Definition *> out;
        for (const Definition &d : definitions())
            out.append(&d);
        std::stable_sort(out.begin(), out.end(), [](auto *a, auto *b) { return a->order < b->order; });
        return out;
    }

    // A file-scope object of this type registers one definition when the program starts.
    struct Registration
    {
        explicit Registration(const Definition &definition) { add(definition); }
    };

private:
    // A deque keeps the addresses handed out by find() valid while later files register.
    static std::deque<Definition> &definitions()
    {
        static std::deque<Definition> list;
        return list;
    }
};

} // namespace concviz
