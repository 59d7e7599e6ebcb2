{
  "targets": [
    {
      "target_name": "inferos_shm",
      "conditions": [
        ["OS=='win'", { "sources": ["native/shm_win.c"] }, { "sources": ["native/shm.c"], "cflags": ["-O2", "-Wall", "-Wextra"] }]
      ]
    }
  ]
}
