"""One decode step's attention over 1,024 cached tokens (32 heads / 8 KV heads of 64, the 1B shape), four
ways, one after the other in one process (2 intra-op threads each): ONNX Runtime's GroupQueryAttention
copying the past into its present output, GroupQueryAttention with one buffer bound as both past and
present (I/O binding), MatMuls over a head-major cache, and MatMuls over the token-major cache with the
transposes the graph's float path does (tools/inferos_tools/GRAPH.md; docs/decisions/0003). Prints ms per run.

    cd tools && .venv/bin/python bench/gqa_vs_matmul.py
"""
import numpy as np, onnxruntime as ort, time
from onnx import helper, TensorProto as TP
N, KV, D, P = 32, 8, 64, 1024
def sess(nodes, ins, outs):
    m=helper.make_model(helper.make_graph(nodes,"g",ins,outs),opset_imports=[helper.make_opsetid("",21),helper.make_opsetid("com.microsoft",1)])
    m.ir_version=10
    o=ort.SessionOptions(); o.intra_op_num_threads=2
    return ort.InferenceSession(m.SerializeToString(), o, providers=["CPUExecutionProvider"])
vi=helper.make_tensor_value_info
rng=np.random.default_rng(0)
q=rng.standard_normal((1,1,N*D)).astype(np.float32); k=rng.standard_normal((1,1,KV*D)).astype(np.float32); v=k.copy()
def bench(f, n=200):
    for _ in range(10): f()
    t=time.perf_counter()
    for _ in range(n): f()
    return (time.perf_counter()-t)/n*1e3
# GQA, not shared: past [1,KV,P,D]
g=sess([helper.make_node("GroupQueryAttention",["q","k","v","pk","pv","sl","tot"],["o","prk","prv"],domain="com.microsoft",num_heads=N,kv_num_heads=KV)],
  [vi("q",TP.FLOAT,[1,1,N*D]),vi("k",TP.FLOAT,[1,1,KV*D]),vi("v",TP.FLOAT,[1,1,KV*D]),vi("pk",TP.FLOAT,[1,KV,"P",D]),vi("pv",TP.FLOAT,[1,KV,"P",D]),vi("sl",TP.INT32,[1]),vi("tot",TP.INT32,[])],
  [vi("o",TP.FLOAT,None),vi("prk",TP.FLOAT,None),vi("prv",TP.FLOAT,None)])
pk=rng.standard_normal((1,KV,P,D)).astype(np.float32); pv=pk.copy()
f=dict(q=q,k=k,v=v,pk=pk,pv=pv,sl=np.array([P],np.int32),tot=np.array(P+1,np.int32))
print("GQA copy    ", bench(lambda: g.run(["o"],f)))
# GQA shared buffer: capacity 2048
cap=2048
bk=ort.OrtValue.ortvalue_from_numpy(np.zeros((1,KV,cap,D),np.float32)); bv=ort.OrtValue.ortvalue_from_numpy(np.zeros((1,KV,cap,D),np.float32))
io=g.io_binding()
for n_,a in dict(q=q,k=k,v=v,sl=np.array([P],np.int32),tot=np.array(P+1,np.int32)).items(): io.bind_cpu_input(n_,a)
io.bind_ortvalue_input("pk",bk); io.bind_ortvalue_input("pv",bv); io.bind_ortvalue_output("prk",bk); io.bind_ortvalue_output("prv",bv); io.bind_output("o")
print("GQA shared  ", bench(lambda: g.run_with_iobinding(io)))
# MatMul head-major: K [1,KV,P,D], q5 [1,KV,rep,D]
rep=N//KV
mm=sess([helper.make_node("Transpose",["K"],["Kt"],perm=[0,1,3,2]),helper.make_node("MatMul",["q5","Kt"],["s"]),helper.make_node("Softmax",["s"],["p"],axis=-1),helper.make_node("MatMul",["p","V"],["o"])],
  [vi("q5",TP.FLOAT,[1,KV,rep,D]),vi("K",TP.FLOAT,[1,KV,"P",D]),vi("V",TP.FLOAT,[1,KV,"P",D])],[vi("o",TP.FLOAT,None)])
f2=dict(q5=rng.standard_normal((1,KV,rep,D)).astype(np.float32),K=pk,V=pv)
print("MatMul hm   ", bench(lambda: mm.run(["o"],f2)))
# token-major with transposes (old path)
tm=sess([helper.make_node("Transpose",["K"],["Kt"],perm=[0,2,3,1]),helper.make_node("Transpose",["V"],["Vt"],perm=[0,2,1,3]),helper.make_node("MatMul",["q5","Kt"],["s"]),helper.make_node("Softmax",["s"],["p"],axis=-1),helper.make_node("MatMul",["p","Vt"],["o"])],
  [vi("q5",TP.FLOAT,[1,KV,rep,D]),vi("K",TP.FLOAT,[1,"P",KV,D]),vi("V",TP.FLOAT,[1,"P",KV,D])],[vi("o",TP.FLOAT,None)])
f3=dict(q5=f2["q5"],K=pk.transpose(0,2,1,3).copy(),V=pv.transpose(0,2,1,3).copy())
print("MatMul tm+T ", bench(lambda: tm.run(["o"],f3)))
