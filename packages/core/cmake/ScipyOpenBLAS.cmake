# Locate OpenBLAS from the scipy-openblas32 wheel (a build and run dependency) via
# its Python helpers, and expose it as ScipyOpenBLAS::OpenBLAS. Its symbols carry
# a `scipy_` prefix and are declared by its own cblas.h / lapack.h.
execute_process(
  COMMAND "${Python_EXECUTABLE}" -c
          "import scipy_openblas32 as s; print(s.get_include_dir()); print(s.get_lib_dir()); print(s.get_library()); print(s.__version__)"
  OUTPUT_VARIABLE _sob_out
  RESULT_VARIABLE _sob_result
  OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT _sob_result EQUAL 0)
  message(FATAL_ERROR
    "scipy-openblas32 is not importable by ${Python_EXECUTABLE}: "
    "install it (pip install scipy-openblas32) or build through pip, which installs it.")
endif()
string(REPLACE "\n" ";" _sob_lines "${_sob_out}")
list(GET _sob_lines 0 SCIPY_OPENBLAS_INCLUDE_DIR)
list(GET _sob_lines 1 SCIPY_OPENBLAS_LIB_DIR)
list(GET _sob_lines 2 SCIPY_OPENBLAS_LIBRARY_NAME)
list(GET _sob_lines 3 SCIPY_OPENBLAS_VERSION)

find_library(SCIPY_OPENBLAS_LIBRARY NAMES ${SCIPY_OPENBLAS_LIBRARY_NAME}
             PATHS "${SCIPY_OPENBLAS_LIB_DIR}" NO_DEFAULT_PATH REQUIRED)
message(STATUS "OpenBLAS ${SCIPY_OPENBLAS_VERSION} from scipy-openblas32: ${SCIPY_OPENBLAS_LIBRARY}")

add_library(ScipyOpenBLAS::OpenBLAS SHARED IMPORTED)
set_target_properties(ScipyOpenBLAS::OpenBLAS PROPERTIES
  IMPORTED_LOCATION "${SCIPY_OPENBLAS_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${SCIPY_OPENBLAS_INCLUDE_DIR}"
  INTERFACE_COMPILE_DEFINITIONS "BLAS_SYMBOL_PREFIX=scipy_")
