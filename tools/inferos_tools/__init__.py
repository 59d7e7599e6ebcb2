"""Infer-OS model tools: corpus extraction, tokenizer and model training, ONNX export, evaluation."""
