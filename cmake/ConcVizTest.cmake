# concviz_add_test(name [LIBS ...]): tests/name.cpp as a Qt Test executable registered with CTest,
# run without a display.
function(concviz_add_test name)
    cmake_parse_arguments(ARG "" "" "LIBS" ${ARGN})
    add_executable(${name} ${name}.cpp)
    target_link_libraries(${name} PRIVATE concviz_core Qt6::Test ${ARG_LIBS})
    target_compile_definitions(${name} PRIVATE
        CONCVIZ_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        CONCVIZ_BINARY="$<TARGET_FILE:concviz>")
    add_dependencies(${name} concviz) # the command-line tests run the real binary
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 300)
endfunction()
