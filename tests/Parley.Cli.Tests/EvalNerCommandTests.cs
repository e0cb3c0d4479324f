using Parley.Cli;

namespace Parley.Tests;

public sealed class EvalNerCommandTests
{
    [Fact]
    public void Eval_ner_scores_a_file_and_writes_predictions_as_an_extra_column()
    {
        string dir = Directory.CreateTempSubdirectory("parley-eval-ner").FullName;
        try
        {
            string gold = Path.Combine(dir, "gold.conll"), pred = Path.Combine(dir, "pred.conll");
            File.WriteAllLines(gold, ["-DOCSTART- -X- -X- O", "", "Angela NNP I-NP I-PER", "Merkel NNP I-NP I-PER", "visited VBD I-VP O", "Paris NNP I-NP I-LOC", ". . O O", ""]);
            var output = new StringWriter();
            var previous = Console.Out;
            Console.SetOut(output);
            int code;
            try { code = ParleyCommand.Run(["eval", "ner", gold, "--output", pred]); }
            finally { Console.SetOut(previous); }
            Assert.Equal(0, code);
            Assert.Contains("overall", output.ToString());
            var lines = File.ReadAllLines(pred);
            Assert.Equal("-DOCSTART- -X- -X- O O", lines[0]);
            Assert.Equal("Angela NNP I-NP I-PER B-PER", lines[2]);
            Assert.Equal("Merkel NNP I-NP I-PER I-PER", lines[3]);
            Assert.Equal("Paris NNP I-NP I-LOC B-LOC", lines[5]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Eval_ner_reports_the_line_of_a_malformed_file()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, ["Angela NNP I-NP I-PER", "Merkel NNP I-PER"]);
            var error = new StringWriter();
            var previous = Console.Error;
            Console.SetError(error);
            int code;
            try { code = ParleyCommand.Run(["eval", "ner", path]); }
            finally { Console.SetError(previous); }
            Assert.Equal(2, code);
            Assert.Contains($"{path}:2:", error.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
