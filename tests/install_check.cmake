# ctest "install": `cmake --install` into a scratch prefix installs the CLI,
# both libraries, the headers and relmap.pc, and a program built from the
# installed files alone (through pkg-config) runs.
# Variables: BUILD_DIR, PREFIX, LIBDIR, CC, SOURCE (the test program).
file(REMOVE_RECURSE ${PREFIX})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${PREFIX}
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed: ${rc}")
endif()
foreach(f bin/relmap ${LIBDIR}/librelmap.a ${LIBDIR}/librelmap.so
          include/relmap/relmap.h include/relmap/model.h ${LIBDIR}/pkgconfig/relmap.pc
          ${LIBDIR}/cmake/relmap/relmapConfig.cmake)
  if(NOT EXISTS ${PREFIX}/${f})
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()
set(ENV{PKG_CONFIG_PATH} ${PREFIX}/${LIBDIR}/pkgconfig)
execute_process(COMMAND pkg-config --cflags --libs relmap
                OUTPUT_VARIABLE flags OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pkg-config does not know the installed relmap")
endif()
separate_arguments(flags UNIX_COMMAND "${flags}")
execute_process(COMMAND ${CC} -std=c11 -Wall -Wextra -Wpedantic -Werror ${SOURCE}
                        ${flags} -Wl,-rpath,${PREFIX}/${LIBDIR} -o ${PREFIX}/consumer
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "building against the installed library failed:\n${err}")
endif()
execute_process(COMMAND ${PREFIX}/consumer RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT rc EQUAL 0 OR NOT out MATCHES "^relmap [0-9]+\\.[0-9]+\\.[0-9]+ with [0-9]+ rules")
  message(FATAL_ERROR "the consumer program failed (${rc}): ${out}")
endif()
