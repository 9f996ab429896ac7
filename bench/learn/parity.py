#!/usr/bin/python3
"""PyTorch side of Assay.Learn's GPT parity and speed checks (run with /usr/bin/python3, needs
python3-torch and python3-numpy; no transformers or safetensors package required).

  parity.py check DIR      compare logits, loss and every gradient with the dump written by
                           `dotnet run -c Release --project bench/Assay.Bench -- learn-parity DIR`
  parity.py hf DIR         from the same dump, write the model as real GPT-2 checkpoints look
                           (DIR/hf-hub: the hub's gpt2 layout, F32, no "transformer." prefix,
                           F32 mask buffers; DIR/hf-torch-f16: a torch state_dict with prefix,
                           tied lm_head.weight, BOOL mask buffers, F16) with the real gpt2
                           config.json keys, plus torch's logits and loss on the dump's batch
                           (torch.safetensors) for learn-parity to compare after loading them
  parity.py speed ARGS     time torch training and forward-only scoring; prints one JSON line

The model below follows Hugging Face's GPT2LMHeadModel exactly (Conv1D weights [in, out], tanh
GELU, pre-LayerNorm, eps 1e-5, lm_head tied to wte) and loads our model.safetensors by name.
"""
import argparse
import json
import math
import os
import struct
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F


def read_safetensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for name, e in header.items():
        if name == "__metadata__":
            continue
        assert e["dtype"] == "F32", f"{path}: {name} is {e['dtype']}"
        b, end = e["data_offsets"]
        out[name] = np.frombuffer(data[b:end], dtype="<f4").reshape(e["shape"]).copy()
    return out


def write_safetensors(path, tensors, metadata=None):
    """tensors: name -> (numpy array, safetensors dtype F32|F16|BOOL), written in that order."""
    header, blobs, off = {}, [], 0
    if metadata:
        header["__metadata__"] = metadata
    for name, (arr, dtype) in tensors.items():
        b = np.ascontiguousarray(arr.astype({"F32": "<f4", "F16": "<f2", "BOOL": "?"}[dtype])).tobytes()
        header[name] = {"dtype": dtype, "shape": list(arr.shape), "data_offsets": [off, off + len(b)]}
        blobs.append(b)
        off += len(b)
    h = json.dumps(header).encode()
    h += b" " * (-len(h) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)


# The hub's gpt2 config.json, key for key; the sizes are replaced by the test model's.
GPT2_CONFIG = {
    "activation_function": "gelu_new", "architectures": ["GPT2LMHeadModel"], "attn_pdrop": 0.1,
    "bos_token_id": 50256, "embd_pdrop": 0.1, "eos_token_id": 50256, "initializer_range": 0.02,
    "layer_norm_epsilon": 1e-05, "model_type": "gpt2", "n_ctx": 1024, "n_embd": 768, "n_head": 12,
    "n_layer": 12, "n_positions": 1024, "resid_pdrop": 0.1, "summary_activation": None,
    "summary_first_dropout": 0.1, "summary_proj_to_labels": True, "summary_type": "cls_index",
    "summary_use_proj": True, "task_specific_params": {"text-generation": {"do_sample": True, "max_length": 50}},
    "vocab_size": 50257,
}


class Gpt2(torch.nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.L, self.H, self.C = cfg["n_layer"], cfg["n_head"], cfg["n_embd"]
        self.V, self.T = cfg["vocab_size"], cfg["n_positions"]
        C = self.C
        self.p = torch.nn.ParameterDict()  # keys use "|" for "." (ParameterDict forbids dots)

        def add(name, t):
            self.p[name.replace(".", "|")] = torch.nn.Parameter(t)

        add("transformer.wte.weight", torch.zeros(self.V, C))
        add("transformer.wpe.weight", torch.zeros(self.T, C))
        for i in range(self.L):
            h = f"transformer.h.{i}."
            for name, shape in [("ln_1.weight", [C]), ("ln_1.bias", [C]),
                                ("attn.c_attn.weight", [C, 3 * C]), ("attn.c_attn.bias", [3 * C]),
                                ("attn.c_proj.weight", [C, C]), ("attn.c_proj.bias", [C]),
                                ("ln_2.weight", [C]), ("ln_2.bias", [C]),
                                ("mlp.c_fc.weight", [C, 4 * C]), ("mlp.c_fc.bias", [4 * C]),
                                ("mlp.c_proj.weight", [4 * C, C]), ("mlp.c_proj.bias", [C])]:
                add(h + name, torch.zeros(shape))
        add("transformer.ln_f.weight", torch.ones(C))
        add("transformer.ln_f.bias", torch.zeros(C))

    def w(self, name):
        return self.p[name.replace(".", "|")]

    def named(self):
        return {k.replace("|", "."): v for k, v in self.p.items()}

    def load(self, tensors):
        for name, v in self.named().items():
            assert name in tensors, f"missing {name}"
            assert list(tensors[name].shape) == list(v.shape), f"{name}: {tensors[name].shape} vs {v.shape}"
            with torch.no_grad():
                v.copy_(torch.from_numpy(tensors[name]))

    def forward(self, idx):
        B, T = idx.shape
        C, H = self.C, self.H
        x = self.w("transformer.wte.weight")[idx] + self.w("transformer.wpe.weight")[:T]
        mask = torch.ones(T, T, dtype=torch.bool).tril()
        for i in range(self.L):
            h = f"transformer.h.{i}."
            a = F.layer_norm(x, (C,), self.w(h + "ln_1.weight"), self.w(h + "ln_1.bias"), 1e-5)
            qkv = a @ self.w(h + "attn.c_attn.weight") + self.w(h + "attn.c_attn.bias")
            q, k, v = qkv.split(C, dim=2)
            q, k, v = [z.view(B, T, H, C // H).transpose(1, 2) for z in (q, k, v)]
            att = (q @ k.transpose(-2, -1)) / math.sqrt(C // H)
            att = att.masked_fill(~mask, float("-inf")).softmax(-1)
            y = (att @ v).transpose(1, 2).reshape(B, T, C)
            x = x + y @ self.w(h + "attn.c_proj.weight") + self.w(h + "attn.c_proj.bias")
            m = F.layer_norm(x, (C,), self.w(h + "ln_2.weight"), self.w(h + "ln_2.bias"), 1e-5)
            m = F.gelu(m @ self.w(h + "mlp.c_fc.weight") + self.w(h + "mlp.c_fc.bias"), approximate="tanh")
            x = x + m @ self.w(h + "mlp.c_proj.weight") + self.w(h + "mlp.c_proj.bias")
        x = F.layer_norm(x, (C,), self.w("transformer.ln_f.weight"), self.w("transformer.ln_f.bias"), 1e-5)
        return x @ self.w("transformer.wte.weight").t()


def check(d, threads):
    torch.set_num_threads(threads)
    cfg = json.load(open(f"{d}/config.json"))
    model = Gpt2(cfg)
    model.load(read_safetensors(f"{d}/model.safetensors"))
    batch = read_safetensors(f"{d}/batch.safetensors")
    ours = read_safetensors(f"{d}/ours.safetensors")
    idx = torch.from_numpy(batch["inputs"]).long()
    tgt = torch.from_numpy(batch["targets"]).long()
    logits = model(idx)
    loss = F.cross_entropy(logits.view(-1, logits.size(-1)), tgt.view(-1), ignore_index=-1)
    loss.backward()
    ok = True
    dl = float((logits.detach() - torch.from_numpy(ours["logits"])).abs().max())
    dloss = abs(float(loss) - float(ours["loss"][0]))
    print(f"logits max |diff| = {dl:.3e}   (tolerance 1e-4)")
    print(f"loss  torch {float(loss):.7f} ours {float(ours['loss'][0]):.7f} |diff| = {dloss:.3e}   (tolerance 1e-4)")
    ok &= dl <= 1e-4 and dloss <= 1e-4
    worst = 0.0
    for name, p in model.named().items():
        g = p.grad.numpy()
        o = ours["grad." + name]
        rel = float(np.linalg.norm(g - o) / max(np.linalg.norm(g), 1e-30))
        worst = max(worst, rel)
        flag = "" if rel <= 1e-3 else "   <-- FAIL"
        print(f"grad {name:45s} rel err {rel:.3e}{flag}")
        ok &= rel <= 1e-3
    print(f"worst gradient relative error {worst:.3e}   (tolerance 1e-3)")
    print("PARITY OK" if ok else "PARITY FAILED")
    return 0 if ok else 1


def hf(d):
    cfg = json.load(open(f"{d}/config.json"))
    src = read_safetensors(f"{d}/model.safetensors")
    batch = read_safetensors(f"{d}/batch.safetensors")
    idx = torch.from_numpy(batch["inputs"]).long()
    tgt = torch.from_numpy(batch["targets"]).long()
    t = cfg["n_positions"]
    tril = np.tril(np.ones((t, t), dtype=np.float32)).reshape(1, 1, t, t)
    # folder: (weight dtype, "transformer." prefix, lm_head.weight stored, mask buffer dtype)
    variants = {"hf-hub": ("F32", False, False, "F32"), "hf-torch-f16": ("F16", True, True, "BOOL")}
    for folder, (dtype, prefix, head, mask) in variants.items():
        out = f"{d}/{folder}"
        os.makedirs(out, exist_ok=True)
        rounded = {k: v.astype({"F32": "<f4", "F16": "<f2"}[dtype]).astype("<f4") for k, v in src.items()}
        tensors = {(k if prefix else k[len("transformer."):]): (v, dtype) for k, v in rounded.items()}
        p = "transformer." if prefix else ""
        for i in range(cfg["n_layer"]):
            tensors[f"{p}h.{i}.attn.bias"] = (tril, mask)
            tensors[f"{p}h.{i}.attn.masked_bias"] = (np.array(-1e4, dtype=np.float32), "F32")
        if head:
            tensors["lm_head.weight"] = (rounded["transformer.wte.weight"], dtype)
        write_safetensors(f"{out}/model.safetensors", tensors, {"format": "pt"})
        config = dict(GPT2_CONFIG, **{k: cfg[k] for k in ("n_embd", "n_head", "n_layer", "n_positions", "vocab_size")})
        config.update(n_ctx=cfg["n_positions"], bos_token_id=cfg["vocab_size"] - 1, eos_token_id=cfg["vocab_size"] - 1)
        json.dump(config, open(f"{out}/config.json", "w"), indent=2)
        model = Gpt2(cfg)
        model.load(rounded)
        with torch.no_grad():
            logits = model(idx)
            loss = F.cross_entropy(logits.view(-1, logits.size(-1)), tgt.view(-1), ignore_index=-1)
        write_safetensors(f"{out}/torch.safetensors", {"logits": (logits.numpy(), "F32"), "loss": (np.array([float(loss)]), "F32")})
        print(f"wrote {out} ({dtype}, prefix {bool(prefix)}, lm_head {head}, mask {mask}); torch loss {float(loss):.7f}")
    return 0


def speed(a):
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    cfg = dict(n_layer=a.layers, n_head=a.heads, n_embd=a.embd, n_positions=a.ctx, vocab_size=a.vocab)
    model = Gpt2(cfg)
    with torch.no_grad():
        for name, p in model.named().items():
            if p.dim() >= 2:
                p.normal_(0, 0.02)
            elif "weight" in name:
                p.fill_(1.0)
    opt = torch.optim.AdamW(model.parameters(), lr=3e-4, betas=(0.9, 0.95), weight_decay=0.1)
    g = torch.Generator().manual_seed(1)
    x = torch.randint(0, a.vocab, (a.batch, a.ctx), generator=g)
    y = torch.randint(0, a.vocab, (a.batch, a.ctx), generator=g)

    def train_step():
        opt.zero_grad(set_to_none=True)
        logits = model(x)
        loss = F.cross_entropy(logits.view(-1, a.vocab), y.view(-1))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()

    for _ in range(a.warmup):
        train_step()
    t0 = time.perf_counter()
    for _ in range(a.steps):
        train_step()
    train_s = (time.perf_counter() - t0) / a.steps
    with torch.no_grad():
        for _ in range(a.warmup):
            model(x).log_softmax(-1)
        t0 = time.perf_counter()
        for _ in range(a.steps):
            model(x).log_softmax(-1)
        fwd_s = (time.perf_counter() - t0) / a.steps
    tokens = a.batch * a.ctx
    print(json.dumps(dict(impl="torch", torch=torch.__version__, threads=torch.get_num_threads(),
                          train_step_ms=train_s * 1e3, train_tokens_per_s=tokens / train_s,
                          forward_tokens_per_s=tokens / fwd_s)))
    return 0


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("check")
    c.add_argument("dir")
    c.add_argument("--threads", type=int, default=1)
    h = sub.add_parser("hf")
    h.add_argument("dir")
    s = sub.add_parser("speed")
    for k, v in dict(layers=4, heads=4, embd=256, ctx=256, batch=8, vocab=8192, threads=2, steps=5, warmup=1).items():
        s.add_argument("--" + k, type=int, default=v)
    a = ap.parse_args()
    return check(a.dir, a.threads) if a.cmd == "check" else hf(a.dir) if a.cmd == "hf" else speed(a)


if __name__ == "__main__":
    sys.exit(main())
