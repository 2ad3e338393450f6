using OpenLfr.Testing;
using OpenLfr.Vision.Embedding;
using OpenLfr.Vision.Imaging;
using OpenLfr.Vision.Pipeline;
using OpenLfr.Vision.Tests.Imaging;

namespace OpenLfr.Vision.Tests.Pipeline;

public sealed class FaceAnalyzerTests
{
    private static readonly Lazy<FaceAnalyzer> Analyzer = new(() => FaceAnalyzer.Load(new FaceAnalyzerOptions { Threads = 2 }));

    private static string Lfw(string person, int n) => SharedData.PathOf($"datasets/lfw/{person}/{person}_{n:0000}.jpg");

    [RequiresModelsAndDataFact(["faceboxes", "faceapi-face_landmark_68", "faceapi-face_recognition"], "datasets/lfw")]
    public void Lfw_portraits_yield_one_centred_face_with_landmarks_inside_its_box()
    {
        var files = Directory.GetDirectories(SharedData.PathOf("datasets/lfw")).Order(StringComparer.Ordinal)
            .Where((_, i) => i % 400 == 0).Select(d => Directory.GetFiles(d).Order(StringComparer.Ordinal).First()).ToList();
        foreach (var file in files)
        {
            var image = ImageDecoder.Default.Decode(file);
            var face = FaceAnalyzer.Primary(Analyzer.Value.Analyze(image, embed: false), image);
            Assert.True(face is not null, $"no face in {file}");
            var b = face.Detection.Box;
            // LFW crops are centred on the face.
            Assert.InRange(b.CenterX, 90, 160);
            Assert.InRange(b.CenterY, 80, 170);
            foreach (var p in face.Landmarks.ToArray())
            {
                Assert.InRange(p.X, b.X - 5, b.Right + 5);
                Assert.InRange(p.Y, b.Y - 5, b.Bottom + 5);
            }
            Assert.True(face.Landmarks.LeftEye.Y < face.Landmarks.MouthLeft.Y, $"eyes below mouth in {file}");
        }
    }

    [RequiresModelsAndDataFact(["faceboxes", "faceapi-face_landmark_68", "faceapi-face_recognition"], "datasets/lfw")]
    public void Same_person_scores_higher_than_different_people()
    {
        FaceTemplate Template(string file)
        {
            var image = ImageDecoder.Default.Decode(file);
            return FaceAnalyzer.Primary(Analyzer.Value.Analyze(image), image)!.Template!;
        }
        var bush1 = Template(Lfw("George_W_Bush", 1));
        var bush2 = Template(Lfw("George_W_Bush", 2));
        var powell = Template(Lfw("Colin_Powell", 1));
        var blair = Template(Lfw("Tony_Blair", 1));
        var threshold = EmbedderSpec.Get(Analyzer.Value.Embedder!.Id).DefaultThreshold;
        Assert.True(bush1.Similarity(bush2) >= threshold, $"same person {bush1.Similarity(bush2)}");
        Assert.True(bush1.Similarity(powell) < threshold, $"different people {bush1.Similarity(powell)}");
        Assert.True(bush2.Similarity(blair) < threshold, $"different people {bush2.Similarity(blair)}");
    }

    [RequiresModelsAndDataFact(["faceboxes", "faceapi-face_landmark_68", "faceapi-face_recognition", "mobileface"], "datasets/lfw")]
    public void Templates_of_two_embedders_cannot_be_compared()
    {
        using var other = EmbedderFactory.Load("mobileface");
        var image = ImageDecoder.Default.Decode(Lfw("George_W_Bush", 1));
        var face = FaceAnalyzer.Primary(Analyzer.Value.Analyze(image), image)!;
        var mobile = other.Embed(image, [face.Landmarks])[0];
        Assert.Equal(256, mobile.Dimension);
        Assert.Throws<TemplateMismatchException>(() => face.Template!.Similarity(mobile));
    }

    [RequiresModelsFact("faceboxes", "facemesh", "faceres")]
    public void An_image_without_faces_gives_none()
    {
        var blank = new RgbImage(320, 240);
        Array.Fill(blank.Pixels, (byte)90);
        Assert.Empty(Analyzer.Value.Analyze(blank));
    }

    [RequiresModelsAndDataFact(["faceboxes", "faceapi-face_landmark_68", "faceapi-face_recognition"], "datasets/lfw")]
    public void A_phone_photo_stored_sideways_with_an_exif_orientation_is_analysed_upright()
    {
        using var images = new TestImages();
        var original = Lfw("Colin_Powell", 1);
        // What a phone writes when held upright: the sensor's rows turned a quarter, plus "turn 90 clockwise".
        var sideways = File.ReadAllBytes(images.Filter(original, "sideways.jpg", "transpose=cclock"));
        var photo = ImageDecoder.Default.Decode(ExifJpeg.WithOrientation(sideways, 6), "phone.jpg");
        Assert.Equal((250, 250), (photo.Width, photo.Height));

        var face = FaceAnalyzer.Primary(Analyzer.Value.Analyze(photo), photo);
        Assert.True(face is not null, "no face in the EXIF-rotated photo");
        Assert.True(face.Landmarks.LeftEye.Y < face.Landmarks.MouthLeft.Y, "the face was analysed sideways or upside down");
        var upright = ImageDecoder.Default.Decode(original);
        var reference = FaceAnalyzer.Primary(Analyzer.Value.Analyze(upright), upright)!;
        var threshold = EmbedderSpec.Get(Analyzer.Value.Embedder!.Id).DefaultThreshold;
        Assert.True(face.Template!.Similarity(reference.Template!) >= threshold,
            $"rotated photo scores {face.Template!.Similarity(reference.Template!)} against its upright original");
    }
}
