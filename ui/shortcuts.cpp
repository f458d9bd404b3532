#include "shortcuts.h"

namespace concviz {

QList<std::pair<QString, QList<Shortcut>>> Shortcuts::groups()
{
    return {
        {tr("Running"),
         {
             {tr("F5 or Space"), tr("run the scenario (its comparison, when it has one)")},
             {tr("Ctrl+R"), tr("run every compared strategy")},
             {tr("Shift+F5"), tr("run the chosen strategy only")},
             {tr("Esc"), tr("stop the run; leave presentation mode or playback")},
         }},
        {tr("Playback"),
         {
             {tr("K"), tr("play back the finished run; then play / pause")},
             {tr("← / →"), tr("step to the previous / next event (on the timeline)")},
             {tr("Press or drag on the time axis"), tr("go to that instant")},
         }},
        {tr("Timeline (click it first)"),
         {
             {tr("W / S"), tr("zoom in / out")},
             {tr("A / D, ← / →"), tr("move back / forward in time (the arrows step events while playing back)")},
             {tr("↑ / ↓, Page Up / Page Down"), tr("scroll the lanes")},
             {tr("Home / End"), tr("go to the start / end of the run")},
             {tr("F, Ctrl+0, double-click"), tr("fit the whole run")},
             {tr("Alt+← or Ctrl+Shift+Z"), tr("back to the view before")},
             {tr("Wheel, Ctrl+wheel, Shift+wheel"), tr("zoom at the cursor, taller lanes, scroll")},
             {tr("Drag, right-drag"), tr("pan, zoom to the time selected")},
             {tr("Click"), tr("select a task, or open a band of thin lanes")},
         }},
        {tr("Window"),
         {
             {tr("Ctrl+F"), tr("find tasks: filter lanes by name or state")},
             {tr("P"), tr("presentation mode: the timeline, the lesson and the numbers, large")},
             {tr("C"), tr("the asyncio code: in front of the editor, or in the timeline's place when presenting")},
             {tr("F11"), tr("full screen")},
             {tr("Ctrl++ / Ctrl+−"), tr("zoom in / out")},
             {tr("Ctrl+L"), tr("show the log")},
             {tr("Ctrl+O, Ctrl+S, Ctrl+E"), tr("open, save, export the timeline as an image")},
             {tr("Ctrl+Z, Ctrl+Shift+Z"), tr("undo, redo an edit (outside the timeline)")},
             {tr("Ctrl+T, Ctrl+D"), tr("add a task, duplicate the selected ones")},
             {tr("? or F1"), tr("this list")},
         }},
    };
}

} // namespace concviz
