# Checks the layers of core/: each folder includes only from the folders under it, and nothing in
# core/ includes a Gui, Widgets or Charts header. Run by CTest as `cmake -DSOURCE_DIR=... -P`.
#
#   async  <-  http  <-  demo
#   async  <-  scenario, trace
#   all of these  <-  engine
#   trace  <-  gantt
cmake_minimum_required(VERSION 3.24)

set(allowed_async "")
set(allowed_scenario "async")
set(allowed_trace "async")
set(allowed_http "async")
set(allowed_demo "async;http")
set(allowed_engine "async;scenario;trace;http;demo")
set(allowed_gantt "async;trace")

set(problems "")
foreach(layer async scenario trace http demo engine gantt)
    file(GLOB_RECURSE files "${SOURCE_DIR}/core/${layer}/*.h" "${SOURCE_DIR}/core/${layer}/*.cpp")
    foreach(file ${files})
        file(STRINGS "${file}" includes REGEX "^#include")
        foreach(line ${includes})
            if(line MATCHES "#include \"(\\.\\./)+([a-z]+)/")
                set(target "${CMAKE_MATCH_2}")
                if(NOT target STREQUAL layer AND NOT target IN_LIST allowed_${layer})
                    list(APPEND problems "${file}: ${layer} may not include ${target}: ${line}")
                endif()
            endif()
            if(line MATCHES "<Qt(Gui|Widgets|Charts|Svg)|<Q(Widget|Application|Painter|Image|Pixmap|Color|Font)[>.]")
                list(APPEND problems "${file}: core may not use Gui or Widgets: ${line}")
            endif()
        endforeach()
    endforeach()
endforeach()

if(problems)
    list(JOIN problems "\n" text)
    message(FATAL_ERROR "${text}")
endif()
