{
  "targets": [
    {
      "target_name": "inferos_shm",
      "sources": ["native/shm.c"],
      "cflags": ["-O2", "-Wall", "-Wextra"]
    }
  ]
}
