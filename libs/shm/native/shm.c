// Map a file (in /dev/shm on Linux) into this process and hand it to JavaScript as an external
// ArrayBuffer: every process that maps the same file sees the same bytes, with no copy.
// Windows equivalent (not built here): CreateFileMappingW(INVALID_HANDLE_VALUE, ..., L"Global\\inferos-...")
// + MapViewOfFile; see libs/shm/README.md.
#define _GNU_SOURCE
#include <node_api.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define CHECK(call)                                                              \
  do {                                                                           \
    if ((call) != napi_ok) {                                                     \
      napi_throw_error(env, NULL, "shm: N-API call failed: " #call);             \
      return NULL;                                                               \
    }                                                                            \
  } while (0)

static napi_value throw_errno(napi_env env, const char* what, const char* path) {
  char msg[512];
  snprintf(msg, sizeof msg, "shm: %s %s: %s", what, path, strerror(errno));
  napi_throw_error(env, NULL, msg);
  return NULL;
}

static void unmap(napi_env env, void* data, void* hint) {
  (void)env;
  munmap(data, (size_t)(uintptr_t)hint);
}

// map(path: string, bytes: number, create: boolean): ArrayBuffer
static napi_value map(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  if (argc != 3) {
    napi_throw_type_error(env, NULL, "shm.map(path, bytes, create): expected 3 arguments");
    return NULL;
  }
  char path[1024];
  size_t len = 0;
  if (napi_get_value_string_utf8(env, argv[0], path, sizeof path, &len) != napi_ok || len == 0 || len >= sizeof path - 1) {
    napi_throw_type_error(env, NULL, "shm.map: path must be a non-empty string shorter than 1023 bytes");
    return NULL;
  }
  int64_t bytes = 0;
  if (napi_get_value_int64(env, argv[1], &bytes) != napi_ok || bytes <= 0) {
    napi_throw_range_error(env, NULL, "shm.map: bytes must be a positive integer");
    return NULL;
  }
  bool create = false;
  CHECK(napi_get_value_bool(env, argv[2], &create));
  int fd = open(path, create ? (O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC) : (O_RDWR | O_CLOEXEC), 0600);
  if (fd < 0) return throw_errno(env, create ? "create" : "open", path);
  if (create) {
    if (ftruncate(fd, (off_t)bytes) != 0) {
      int e = errno;
      close(fd);
      unlink(path);
      errno = e;
      return throw_errno(env, "size", path);
    }
  } else {
    struct stat st;
    if (fstat(fd, &st) != 0) {
      int e = errno;
      close(fd);
      errno = e;
      return throw_errno(env, "stat", path);
    }
    if (st.st_size < bytes) {
      close(fd);
      char msg[1200];
      snprintf(msg, sizeof msg, "shm: %s holds %lld bytes, fewer than the %lld asked", path, (long long)st.st_size, (long long)bytes);
      napi_throw_range_error(env, NULL, msg);
      return NULL;
    }
  }
  void* p = mmap(NULL, (size_t)bytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  int e = errno;
  close(fd);
  if (p == MAP_FAILED) {
    errno = e;
    return throw_errno(env, "mmap", path);
  }
  napi_value ab;
  if (napi_create_external_arraybuffer(env, p, (size_t)bytes, unmap, (void*)(uintptr_t)bytes, &ab) != napi_ok) {
    munmap(p, (size_t)bytes);
    napi_throw_error(env, NULL, "shm.map: this Node.js build refuses external ArrayBuffers");
    return NULL;
  }
  return ab;
}

NAPI_MODULE_INIT() {
  napi_value fn;
  if (napi_create_function(env, "map", NAPI_AUTO_LENGTH, map, NULL, &fn) != napi_ok) return NULL;
  if (napi_set_named_property(env, exports, "map", fn) != napi_ok) return NULL;
  return exports;
}
